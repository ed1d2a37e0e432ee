// A level's colour (any #RRGGBB a scheme names) as the nearest GOV.UK tag colour: the tag's own
// text and background pair meet AA contrast, which an arbitrary scheme colour need not.
const hues = [
  [15, 'red'], [45, 'orange'], [70, 'yellow'], [160, 'green'], [200, 'teal'], [260, 'blue'], [300, 'purple'], [345, 'magenta'], [360, 'red'],
] as const;

export function tagClass(colour: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const saturation = max === min ? 0 : (max - min) / (1 - Math.abs(2 * lightness - 1));
  if (saturation < 0.2 || Number.isNaN(saturation)) return 'govuk-tag govuk-tag--grey';
  const d = max - min;
  const hue = (max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4) * 60;
  const name = hues.find(([upTo]) => hue < upTo)?.[1] ?? 'red';
  // Blue is the tag's default colour: GOV.UK Frontend has no modifier for it.
  return name === 'blue' ? 'govuk-tag' : `govuk-tag govuk-tag--${name}`;
}
