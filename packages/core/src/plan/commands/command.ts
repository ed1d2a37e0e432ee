import type { CommandMetadata } from '../../shared/command-metadata.js';

export type { CommandMetadata };

export interface Command<T extends string, D> {
  type: T;
  data: D;
  metadata: CommandMetadata;
}
