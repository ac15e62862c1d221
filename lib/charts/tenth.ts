/**
 * A drawing's coordinate to a tenth of a unit: finer than any screen shows, and short, since
 * every number of a server-rendered SVG is written twice (in the HTML and in the RSC payload).
 */
export function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}
