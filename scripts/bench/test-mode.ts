// Imported first by benchmark harnesses that import app code statically: offline defaults are test-mode only.
process.env.SILKROUTE_MODE ??= "test";
