import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { memoryStoreNamed } from '@ragtrail/stores';
import { runCliCaptured as run, seededStoreUrl as seeded } from './cli-run.js';

const as = (role: string) => ['--actor', `A ${role}`, '--role', role];

describe('ragtrail indicator, indicators, milestone, carry and coverage', () => {
  it('records child protection 68 then 54 against statistical neighbours 54.6 and reads improving and better than them', async () => {
    const store = await seeded();
    const add = await run([...as('admin'), 'indicator', 'add', '--store', store, '--plan', 'dev-plan', '--id', 'cp-rate', '--name', 'Children on a child protection plan', '--unit', 'per 10,000', '--better', 'lower', '--priority', 'p1', '--source', 'DfE CIN census']);
    expect(add).toMatchObject({ code: 0, err: '' });
    expect((await run([...as('officer'), 'indicator', 'record', '--store', store, '--plan', 'dev-plan', '--indicator', 'cp-rate', '--period', '2017-03', '--value', '68'])).code).toBe(0);
    const rec = await run([...as('officer'), 'indicator', 'record', '--store', store, '--plan', 'dev-plan', '--indicator', 'cp-rate', '--period', '2018-03', '--value', '54', '--comparator', 'statistical neighbours=54.6', '--comparator-source', 'DfE SFA 2018', '--json']);
    expect(JSON.parse(rec.out)).toMatchObject({ events: [{ type: 'IndicatorValueRecorded' }] });

    const text = await run(['indicators', '--store', store, '--plan', 'dev-plan']);
    expect(text.out).toContain('improving');
    expect(text.out).toContain('better than statistical neighbours');
    const { indicators } = JSON.parse((await run(['indicators', '--store', store, '--plan', 'dev-plan', '--json'])).out);
    expect(indicators[0]).toMatchObject({
      id: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', latest: { period: '2018-03', value: 54 }, previous: { period: '2017-03', value: 68 },
      baseline: { period: '2017-03', value: 68 }, comparators: { 'statistical neighbours': { value: 54.6, better: true, source: 'DfE SFA 2018' } }, direction: 'improving', rag: null,
    });

    // The scrutiny progress report says the same, in sentences.
    const out = join(mkdtempSync(join(tmpdir(), 'ragtrail-scrutiny-')), 'scrutiny.md');
    expect((await run(['report', 'scrutiny', '--store', store, '--plan', 'dev-plan', '--format', 'md', '--out', out])).code).toBe(0);
    const report = readFileSync(out, 'utf8');
    expect(report).toContain('improving from 68 per 10,000 in March 2017');
    expect(report).toContain('better than statistical neighbours (54.6 per 10,000)');
  });

  it('imports a wide file of authorities for one indicator, the other rows becoming comparators', async () => {
    const store = await seeded();
    await run([...as('admin'), 'indicator', 'add', '--store', store, '--plan', 'dev-plan', '--id', 'cp-rate', '--name', 'Children on a child protection plan', '--unit', 'per 10,000', '--better', 'lower', '--source', 'DfE']);
    const file = join(mkdtempSync(join(tmpdir(), 'ragtrail-lait-')), 'lait.csv');
    writeFileSync(file, 'Local authority,2016-17,2017-18\nThurrock,68,54\nSN avg,57.2,54.6\n');
    const r = await run([...as('officer'), 'indicator', 'import', file, '--store', store, '--plan', 'dev-plan', '--indicator', 'cp-rate', '--authority', 'Thurrock', '--source', 'DfE LAIT']);
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining('Recorded 2 value(s) from lait.csv') });
    const { indicators } = JSON.parse((await run(['indicators', '--store', store, '--plan', 'dev-plan', '--json'])).out);
    expect(indicators[0]).toMatchObject({ direction: 'improving', comparators: { 'statistical neighbours': { value: 54.6, better: true } } });
  });

  it('refuses with the flag and the rule: a period recorded twice, a correction without a change, an officer correcting', async () => {
    const store = await seeded();
    await run([...as('admin'), 'indicator', 'add', '--store', store, '--plan', 'dev-plan', '--id', 'agency', '--name', 'Agency social workers', '--better', 'lower', '--source', 'HR']);
    await run([...as('officer'), 'indicator', 'record', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2016-03', '--value', '60']);
    const twice = await run([...as('officer'), 'indicator', 'record', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2016-03', '--value', '61']);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/--period: .*correction with a reason \(rule recorded-once\)/);
    const bad = await run([...as('officer'), 'indicator', 'record', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2016-13', '--value', '61']);
    expect(bad.err).toMatch(/--period: must be a month written YYYY-MM/);
    const notNumber = await run([...as('officer'), 'indicator', 'record', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2016-04', '--value', 'sixty']);
    expect(notNumber.code).toBe(2);
    const officerCorrects = await run([...as('officer'), 'indicator', 'correct', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2016-03', '--value', '59', '--reason', 'x']);
    expect(officerCorrects.err).toContain('An officer may not correct an indicator value: that needs the reviewer or admin role');
    const ok = await run([...as('reviewer'), 'indicator', 'correct', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2016-03', '--value', '59', '--reason', 'HR restated March']);
    expect(ok.code).toBe(0);
    const audit = await run(['outcome-audit', '--store', store, '--plan', 'dev-plan']);
    expect(audit.out).toMatch(/A reviewer \(reviewer\)  Indicator value corrected  agency[^\n]*\n\s+Value changed from 60 to 59\. Reason: “HR restated March”\./);
    const same = await run([...as('reviewer'), 'indicator', 'correct', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2016-03', '--value', '59', '--reason', 'again']);
    expect(same.err).toMatch(/--value: .*changes nothing.*\(rule correction-changes\)/);
    const target = await run([...as('reviewer'), 'indicator', 'target', '--store', store, '--plan', 'dev-plan', '--indicator', 'agency', '--by', '2018-05', '--value', '30', '--tolerance', '5']);
    expect(target.code).toBe(0);
  });

  it('carries a recommendation into a later plan and shows coverage, with the uncarried one as an exception', async () => {
    const store = await seeded();
    const rt = createRagtrail({ store: memoryStoreNamed(store.slice('memory:'.length)) });
    const admin = { actor: { id: 'a', name: 'Ann Admin', role: 'admin' as const } };
    await rt.createPlan({ planId: 'sif-2016', title: 'Ofsted SIF recommendations', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, admin);
    await rt.execute('sif-2016', 'AddAction', { ref: 'Ofsted 1', title: 'Reduce agency staff' }, admin);
    await rt.execute('sif-2016', 'AddAction', { ref: 'Ofsted 2', title: 'Management oversight' }, admin);
    const carry = await run([...as('reviewer'), 'carry', '--store', store, '--plan', 'dev-plan', '--action', 'P1.1', '--from-plan', 'sif-2016', '--from-ref', 'Ofsted 1']);
    expect(carry).toMatchObject({ code: 0 });
    const text = await run(['coverage', '--store', store, '--plan', 'sif-2016']);
    expect(text.out).toContain('carried by dev-plan P1.1');
    expect(text.out).toContain('Ofsted 2 "Management oversight" is carried by no action in a later plan');
    const { recommendations } = JSON.parse((await run(['coverage', '--store', store, '--plan', 'sif-2016', '--json'])).out);
    expect(recommendations[0].carriedBy).toEqual([expect.objectContaining({ planId: 'dev-plan', ref: 'P1.1' })]);
    const again = await run([...as('reviewer'), 'carry', '--store', store, '--plan', 'dev-plan', '--action', 'P1.1', '--from-plan', 'sif-2016', '--from-ref', 'Ofsted 2']);
    expect(again.err).toMatch(/--reason: .*\(rule reason-on-correction\)/);
  });
});
