/** The SAM wire contract: every shape Lookout reads, as valibot schemas, with types derived from them. */
export * from './enums';
export * from './primitives';
export * from './rest';
export * from './frames';
export * from './cut';
