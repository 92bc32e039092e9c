/** Per-column centring and scaling fitted on training rows (a constant column keeps scale 1). */
export interface Standardizer {
  mean: number[];
  scale: number[];
}

export function fitStandardizer(rows: readonly Float64Array[], width: number): Standardizer {
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  for (const row of rows) for (let column = 0; column < width; column++) mean[column]! += row[column]! / rows.length;
  for (const row of rows) for (let column = 0; column < width; column++) scale[column]! += (row[column]! - mean[column]!) ** 2 / rows.length;
  // Below 1e-6 the spread is rounding noise of a constant column: scaling by it would blow values up.
  for (let column = 0; column < width; column++) scale[column] = Math.sqrt(scale[column]!) > 1e-6 ? Math.sqrt(scale[column]!) : 1;
  return { mean, scale };
}

export function standardize(row: Float64Array, standardizer: Standardizer): Float64Array {
  const result = new Float64Array(row.length);
  for (let column = 0; column < row.length; column++) result[column] = (row[column]! - standardizer.mean[column]!) / standardizer.scale[column]!;
  return result;
}
