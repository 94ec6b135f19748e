import { useRevalidator } from "@remix-run/react";
import { BlockStack, Card, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { useFormat, useT } from "../../i18n/react";

export interface RunningSyncView { id: string; trigger: string; total: number; done: number; calls: number; startedAt: string }

/** The runs in progress, with SKUs read so far; the page reloads itself every 2 s until they finish. */
export function SyncProgress({ running }: { running: RunningSyncView[] }) {
  const revalidator = useRevalidator();
  const t = useT("sync");
  const fmt = useFormat();
  const active = running.length > 0;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => { if (revalidator.state === "idle") revalidator.revalidate(); }, 2_000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  if (!active) return null;
  return (
    <Card>
      <BlockStack gap="200">
        {running.map((r) => (
          <BlockStack key={r.id} gap="100">
            <Text as="h2" variant="headingMd">{t("progress.title", { trigger: t(`trigger.${r.trigger}`, { defaultValue: r.trigger }), done: fmt.number(r.done), total: fmt.number(r.total) })}</Text>
            <ProgressBar progress={r.total ? Math.round((r.done / r.total) * 100) : 0} />
            <Text as="p" tone="subdued">{t("progress.body", { calls: r.calls })}</Text>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
