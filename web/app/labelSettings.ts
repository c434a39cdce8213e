/**
 * Label settings by graph size: a graph of a few dozen nodes shows every name, a large one only the biggest nodes'.
 */
import type { Settings } from "sigma/settings";
import type { EdgeAttributes, NodeAttributes } from "./types.ts";

type LabelSettings = Pick<
  Settings<NodeAttributes, EdgeAttributes>,
  "labelRenderedSizeThreshold" | "labelDensity" | "labelGridCellSize"
>;

/** One tier: the settings of graphs up to `maxNodes` nodes. */
export interface LabelTier {
  maxNodes: number;
  settings: LabelSettings;
}

/**
 * Tiers, smallest graphs first. sigma keeps at most `ceil(labelDensity / ratio²)` labels per grid cell: up to 100
 * nodes the density exceeds any cell's count, so sigma asks for every label and the label drawer (labels.ts) alone
 * decides, by collisions, what is left out. Larger graphs let sigma thin them out first, as it is meant to.
 */
export const LABEL_TIERS: readonly LabelTier[] = [
  { maxNodes: 100, settings: { labelRenderedSizeThreshold: 0, labelDensity: 100, labelGridCellSize: 60 } },
  { maxNodes: 300, settings: { labelRenderedSizeThreshold: 0, labelDensity: 3, labelGridCellSize: 60 } },
  { maxNodes: Infinity, settings: { labelRenderedSizeThreshold: 7, labelDensity: 0.9, labelGridCellSize: 90 } },
];

/** The label settings for a graph of `order` nodes. */
export function labelSettingsFor(order: number, tiers: readonly LabelTier[] = LABEL_TIERS): LabelSettings {
  return (tiers.find((tier) => order <= tier.maxNodes) ?? tiers[tiers.length - 1]).settings;
}
