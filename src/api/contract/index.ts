/** The SAM wire contract: every shape Lookout reads, as valibot schemas, with types derived from them. */
export * from './enums';
export * from './primitives';
export * from './rest';
export * from './frames';
// Types only: the project stream's parser is imported by path (projectFrames.ts says why).
export type { ProjectEvent, ProjectEventType } from './projectFrames';
export * from './cut';
