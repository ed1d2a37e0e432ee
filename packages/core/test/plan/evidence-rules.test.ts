// Evidence is recorded after it was observed, and its link is one a reader can follow safely.
import { describe, it } from 'vitest';
import { actors, given } from '../../src/testing/index.js';
import { basePlan } from '../fixtures.js';
import { MAX_EVIDENCE_PER_ACTION } from '../../src/plan/commands/evidence.js';
import type { DomainEvent } from '../../src/events/catalogue.js';

const evidence = (data: Record<string, unknown>) => ({ action: 'P1.1', title: 'Audit of case files', kind: 'audit', observedOn: '2017-04-20', link: 'https://intranet.example/audit.pdf', ...data });
const at = (iso: string) => new Date(iso);

describe('evidence rules', () => {
  it('refuses evidence observed after the moment it is recorded, naming observedOn', () => {
    given(basePlan()).when({ type: 'AttachEvidence', data: evidence({ observedOn: '2030-01-01' }), actor: actors.officer, now: at('2017-04-28T10:00:00Z') })
      .thenThrows({ code: 'invalid', field: 'observedOn', rule: 'observed-by-now' });
    given(basePlan()).when({ type: 'AttachEvidence', data: evidence({ observedOn: '2017-04-30' }), actor: actors.officer, now: at('2017-04-28T10:00:00Z') })
      .thenThrows({ rule: 'observed-by-now' });
  });

  it('accepts evidence observed today, wherever today has begun', () => {
    const cases: [string, string][] = [['2017-04-28', '2017-04-28T10:00:00Z'], ['2017-04-29', '2017-04-28T23:30:00Z'], ['2017-04-01', '2017-04-28T00:00:00Z']];
    for (const [observedOn, now] of cases)
      given(basePlan()).when({ type: 'AttachEvidence', data: evidence({ evidenceId: 'e1', observedOn }), actor: actors.officer, now: at(now!) })
        .then([{ type: 'EvidenceAttached', data: { evidenceId: 'e1', actionId: 'p1-1', title: 'Audit of case files', kind: 'audit', observedOn, link: 'https://intranet.example/audit.pdf', contentHash: null } }]);
  });

  it('takes https:, http: and mailto: links only, naming link and the rule', () => {
    for (const link of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:x', 'demo:evidence/1', 'intranet/audit.pdf', '//evil.example/x'])
      given(basePlan()).when({ type: 'AttachEvidence', data: evidence({ link }), actor: actors.officer }).thenThrows({ code: 'invalid', field: 'link', rule: 'link-scheme' });
    for (const link of ['https://intranet.example/a.pdf', 'http://intranet.example/a', 'mailto:board@council.example'])
      given(basePlan()).when({ type: 'AttachEvidence', data: evidence({ evidenceId: 'e1', link }), actor: actors.officer })
        .then([{ type: 'EvidenceAttached', data: { evidenceId: 'e1', actionId: 'p1-1', title: 'Audit of case files', kind: 'audit', observedOn: '2017-04-20', link, contentHash: null } }]);
  });

  it('refuses an item past the most one action may carry, naming the action and the rule', () => {
    const attached = (n: number): DomainEvent[] => Array.from({ length: n }, (_, i) => ({
      type: 'EvidenceAttached', data: { evidenceId: `old-${i}`, actionId: 'p1-1', title: `Monthly audit ${i}`, kind: 'audit', observedOn: '2017-04-01', link: null, contentHash: null },
    }));
    given([...basePlan(), ...attached(MAX_EVIDENCE_PER_ACTION)]).when({ type: 'AttachEvidence', data: evidence({ evidenceId: 'one-more' }), actor: actors.officer })
      .thenThrows({ code: 'rule', field: 'action', rule: 'evidence-bounded' });
    given([...basePlan(), ...attached(MAX_EVIDENCE_PER_ACTION - 1)]).when({ type: 'AttachEvidence', data: evidence({ evidenceId: 'the-last' }), actor: actors.officer })
      .then([{ type: 'EvidenceAttached', data: { evidenceId: 'the-last', actionId: 'p1-1', title: 'Audit of case files', kind: 'audit', observedOn: '2017-04-20', link: 'https://intranet.example/audit.pdf', contentHash: null } }]);
  });
});
