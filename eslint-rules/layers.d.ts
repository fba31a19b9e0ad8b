import type { ESLint, Rule } from 'eslint'

export declare const LAYERS: Readonly<
  Record<string, { readonly allows: readonly string[]; readonly why: string }>
>
export declare function layerOf(file: string, srcRoot: string): string | null
export declare const layersRule: Rule.RuleModule
declare const plugin: ESLint.Plugin & { rules: { layers: Rule.RuleModule } }
export default plugin
