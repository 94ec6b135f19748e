import { Badge } from "@shopify/polaris";
import { useT } from "../../i18n/react";

type Tone = "info" | "success" | "warning" | "critical" | "attention" | undefined;

const TONES: Record<string, Tone> = {
  pending: "info", placing: "info", reserved: "info", placed: "info", awaiting_approval: "attention",
  needs_attention: "warning", failed: "critical", shipped: "success", delivered: "success", exception: "critical", cancelled: undefined,
};

export function StateBadge({ state }: { state: string }) {
  const t = useT("orders");
  return <Badge tone={TONES[state]}>{t(`orders:state.${state}`, { defaultValue: state })}</Badge>;
}
