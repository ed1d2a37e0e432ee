import { describe, it, expect } from 'vitest';
import { CHECKPOINT_BEGIN, CHECKPOINT_END, extractCheckpoint, extractCheckpoints, markCheckpoint } from '../../src/integrity/extract-checkpoint.js';

const NOTE = 'ragtrail.test/a&b\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— ragtrail.test/a&b c2lnbmF0dXJl\n';

describe('finding the checkpoint in a board report', () => {
  it('reads it from a markdown report, between the markers inside a text fence', () => {
    const md = `# Board report\n\nQuoting ${CHECKPOINT_BEGIN} in a sentence is not a marker.\n\n\`\`\`text\n${markCheckpoint(NOTE)}\`\`\`\n`;
    expect(extractCheckpoint(md)).toBe(NOTE);
  });

  it('reads it from an html report, undoing the escaping and the tags around it', () => {
    const escaped = NOTE.replace(/&/g, '&amp;');
    const html = `<!doctype html><html><body><pre><code>${CHECKPOINT_BEGIN}\n${escaped}${CHECKPOINT_END}</code></pre></body></html>`;
    expect(extractCheckpoint(html)).toBe(NOTE);
  });

  it('reads a report saved with Windows line endings', () => {
    expect(extractCheckpoint(`x\r\n${markCheckpoint(NOTE).replace(/\n/g, '\r\n')}`)).toBe(NOTE);
  });

  it('takes a file without markers as the checkpoint itself', () => {
    expect(extractCheckpoint(NOTE)).toBe(NOTE);
  });

  it('refuses a BEGIN marker with no END marker, and a report with two checkpoints', () => {
    expect(() => extractCheckpoint(`${CHECKPOINT_BEGIN}\n${NOTE}`)).toThrow(`a ${CHECKPOINT_BEGIN} line has no ${CHECKPOINT_END} line after it`);
    expect(extractCheckpoints(markCheckpoint(NOTE) + markCheckpoint(NOTE))).toEqual([NOTE, NOTE]);
    expect(() => extractCheckpoint(markCheckpoint(NOTE) + markCheckpoint(NOTE))).toThrow('the document carries 2 checkpoints; expected one');
  });
});
