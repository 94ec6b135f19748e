import { useRevalidator } from "@remix-run/react";
import { BlockStack, Card, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";

export interface RunningSyncView { id: string; trigger: string; total: number; done: number; calls: number; startedAt: string }

/** The runs in progress, with SKUs read so far; the page reloads itself every 2 s until they finish. */
export function SyncProgress({ running }: { running: RunningSyncView[] }) {
  const revalidator = useRevalidator();
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
            <Text as="h2" variant="headingMd">{`Syncing (${r.trigger}): ${r.done} of ${r.total} SKUs read`}</Text>
            <ProgressBar progress={r.total ? Math.round((r.done / r.total) * 100) : 0} />
            <Text as="p" tone="subdued">{`${r.calls} Admin API calls so far. Changes already written stay written if the run stops.`}</Text>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
