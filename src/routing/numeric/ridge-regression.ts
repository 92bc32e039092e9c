/**
 * Least squares with an L2 penalty (not on the intercept, column 0): solves
 * (XᵀX + penalty·I') w = Xᵀy by Gaussian elimination with partial pivoting. For a handful of
 * columns (a cost model over hand features), so a direct solve is simplest.
 */
export function ridgeRegression(rows: readonly ArrayLike<number>[], targets: ArrayLike<number>, penalty: number): number[] {
  const width = rows[0]?.length ?? 0;
  const system = Array.from({ length: width }, () => new Float64Array(width + 1));
  rows.forEach((row, index) => {
    for (let left = 0; left < width; left++) {
      for (let right = 0; right < width; right++) system[left]![right]! += row[left]! * row[right]!;
      system[left]![width]! += row[left]! * targets[index]!;
    }
  });
  for (let column = 1; column < width; column++) system[column]![column]! += penalty;
  for (let column = 0; column < width; column++) {
    let pivot = column;
    for (let row = column + 1; row < width; row++) if (Math.abs(system[row]![column]!) > Math.abs(system[pivot]![column]!)) pivot = row;
    [system[column], system[pivot]] = [system[pivot]!, system[column]!];
    const lead = system[column]![column]!;
    if (Math.abs(lead) < 1e-12) continue;
    for (let row = 0; row < width; row++) {
      if (row === column) continue;
      const factor = system[row]![column]! / lead;
      if (factor === 0) continue;
      for (let entry = column; entry <= width; entry++) system[row]![entry]! -= factor * system[column]![entry]!;
    }
  }
  return system.map((row, column) => (Math.abs(row[column]!) < 1e-12 ? 0 : row[width]! / row[column]!));
}
