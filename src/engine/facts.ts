import type {
  AiDemand,
  BudgetLevel,
  CentralityLevel,
  ComplexityLevel,
  ReachLevel,
  Size,
  StakesLevel,
} from './vocabulary.js'

/** The derived facts that the decision table reads (framework.md §3–§4). */
export interface Facts {
  readonly size: Size
  readonly complexity: ComplexityLevel
  readonly centrality: CentralityLevel
  readonly reach: ReachLevel
  readonly stakes: StakesLevel
  readonly budget: BudgetLevel
  readonly aiDemand: AiDemand
}

export type FactName = keyof Facts

export const FACT_NAMES = [
  'size',
  'complexity',
  'centrality',
  'reach',
  'stakes',
  'budget',
  'aiDemand',
] as const satisfies readonly FactName[]

/** The raw inputs the facts are derived from: the fields counterfactuals and the roadmap vary. */
export interface Signals {
  readonly employees: number
  readonly engineers: number
  readonly products: number
  readonly centrality: CentralityLevel
  readonly functionCount: number
  readonly stakes: StakesLevel
  readonly fullTimeLeaders: number
}
