import type { CommandMetadata } from '../../shared/command-metadata.js';

export type { CommandMetadata };

/** The shape every command takes: a type, its data, and the metadata saying who issues it and why. */
export interface Command<T extends string, D> {
  type: T;
  data: D;
  metadata: CommandMetadata;
}
