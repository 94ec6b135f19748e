import { Badge } from "@shopify/polaris";

type Tone = "info" | "success" | "warning" | "critical" | "attention" | undefined;

const TONES: Record<string, Tone> = {
  pending: "info", placing: "info", reserved: "info", placed: "info", awaiting_approval: "attention",
  needs_attention: "warning", failed: "critical", shipped: "success", delivered: "success", exception: "critical", cancelled: undefined,
};

export function StateBadge({ state }: { state: string }) {
  return <Badge tone={TONES[state]}>{state.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase())}</Badge>;
}
