import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Card, List, ProgressBar, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { useT } from "../../i18n/react";

export interface ImportJobView {
  id: string; mode: string; status: string; total: number; done: number; failed: number; error: string | null;
  failures: Array<{ importItemId: string; title: string; error: string }>;
}

const RUNNING = new Set(["queued", "running", "awaiting_bulk"]);

/** Polls the job's status route while it runs; failures stay listed with Shopify's reason. */
export function ImportProgress({ initial }: { initial: ImportJobView }) {
  const t = useT("import-list");
  const fetcher = useFetcher<ImportJobView>();
  const job = fetcher.data ?? initial;
  const running = RUNNING.has(job.status);
  const revalidator = useRevalidator();
  const wasRunning = useRef(running);
  // When the job settles, reload the list so each product's status and error show without a manual refresh.
  useEffect(() => {
    if (wasRunning.current && !running) revalidator.revalidate();
    wasRunning.current = running;
  }, [running, revalidator]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => { if (fetcher.state === "idle") fetcher.load(`/app/import-list/jobs/${job.id}`); }, 1500);
    return () => clearInterval(timer);
  }, [running, job.id, fetcher]);
  const settled = job.done + job.failed;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {running ? t(job.mode === "bulk" ? "progress.runningBulk" : "progress.running", { total: job.total }) : t("progress.last", { done: job.done, total: job.total })}
        </Text>
        <ProgressBar progress={job.total ? Math.round((settled / job.total) * 100) : 0} tone={job.failed ? "critical" : "primary"} />
        {job.status === "awaiting_bulk" ? <Text as="p" tone="subdued">{t("progress.awaitingBulk")}</Text> : null}
        {job.error ? <Banner tone="critical">{job.error}</Banner> : null}
        {job.failures.length ? (
          <Banner tone="warning" title={t("progress.failed", { count: job.failed })}>
            <List>{job.failures.map((f) => <List.Item key={f.importItemId}>{t("progress.failure", { title: f.title, error: f.error })}</List.Item>)}</List>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
