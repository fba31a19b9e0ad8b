// The EU AI Act stakes classifier (stakes.md): data in, cited classification out.
export {
  BOOLEAN_FACTS,
  CHOICE_FACTS,
  CLASSIFIER_SCHEMA_ID,
  classifiedUseCaseSchema,
  classifierDocumentSchema,
} from './classifier-schema.js'
export type {
  BooleanFact,
  ChoiceFact,
  ClassifiedUseCase,
  ClassifierDocument,
  DatedFact,
  FactName,
} from './classifier-schema.js'
export { compileClassifier } from './compile-classifier.js'
export type {
  Choice,
  Classifier,
  ClassifierConclusion,
  ClassifierNode,
  ClassifierQuestion,
  Edge,
  Role,
} from './compile-classifier.js'
export { classify, classifyTier, edgeFor, tierToStakes } from './classify.js'
export type { UseCaseStakesLevel } from './classify.js'
export { regulatoryMilestones } from './regulatory-milestones.js'
export type { ProfileMilestone, RegulatoryMilestones } from './regulatory-milestones.js'
export { classifierQuestions } from './classifier-questions.js'
export type { ClassifierQuestions, WalkQuestion } from './classifier-questions.js'
