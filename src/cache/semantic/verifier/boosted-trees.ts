/**
 * A tree: a leaf value, or [feature index, threshold, subtree when value ≤ threshold, subtree when above].
 * Nested arrays keep the JSON model small and readable.
 */
export type TreeNode = number | [number, number, TreeNode, TreeNode];

/** Gradient-boosted trees for a binary label: probability = sigmoid(bias + Σ tree outputs). */
export interface BoostedTrees {
  bias: number;
  trees: TreeNode[];
}

function treeOutput(node: TreeNode, features: readonly number[]): number {
  let current = node;
  while (typeof current !== 'number') {
    current = features[current[0]]! <= current[1] ? current[2] : current[3];
  }
  return current;
}

export function predictProbability(model: BoostedTrees, features: readonly number[]): number {
  let margin = model.bias;
  for (const tree of model.trees) margin += treeOutput(tree, features);
  return 1 / (1 + Math.exp(-margin));
}
