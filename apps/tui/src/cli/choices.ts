import type { EvidenceKind as EvidenceKindSchema, Frequency, OverallMethod, Polarity, Role, StatedDirection } from '@ragtrail/core';

/*
 * The choices the command line offers in its help, as plain lists: importing the core's enums to
 * register the commands would load the whole core (and zod) for `ragtrail --help`. The core still
 * validates every value it is given; `satisfies` keeps each list within the core's type, and a
 * test holds each list equal to the core's enum, so they cannot drift apart.
 */
export const roles = ['viewer', 'officer', 'reviewer', 'board', 'admin'] as const satisfies readonly Role[];
export const overallMethods = ['mean-of-priorities', 'mean-of-actions'] as const satisfies readonly OverallMethod[];
export const evidenceKinds = ['audit', 'data', 'feedback', 'document', 'observation', 'other'] as const satisfies readonly (typeof EvidenceKindSchema)['options'][number][];
export const polarities = ['higher', 'lower', 'band'] as const satisfies readonly Polarity[];
export const frequencies = ['monthly', 'quarterly', 'annual'] as const satisfies readonly Frequency[];
export const statedDirections = ['Improving', 'Maintained', 'Declining'] as const satisfies readonly StatedDirection[];
