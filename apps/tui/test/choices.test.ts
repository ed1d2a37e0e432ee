import { describe, expect, it } from 'vitest';
import { EvidenceKind, Frequency, OverallMethod, Polarity, Role, StatedDirection } from '@ragtrail/core';
import { evidenceKinds, frequencies, overallMethods, polarities, roles, statedDirections } from '../src/cli/choices.js';

// The command line lists its choices without loading the core (a fast --help); these lists must
// stay the core's own, or the help would offer a value the core refuses, or hide one it takes.
describe("the command line's choices", () => {
  it("are the core's enums, in the core's order", () => {
    expect(roles).toEqual(Role.options);
    expect(overallMethods).toEqual(OverallMethod.options);
    expect(evidenceKinds).toEqual(EvidenceKind.options);
    expect(polarities).toEqual(Polarity.options);
    expect(frequencies).toEqual(Frequency.options);
    expect(statedDirections).toEqual(StatedDirection.options);
  });
});
