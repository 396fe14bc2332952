import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { errorMessage } from './lib/error-message.js';
import { loggingOptions } from './terminal-logging.js';

/** Starts the backend with the configuration of the environment; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config, loggingOptions(config.LOG_LEVEL, process.stdout, config.LOG_FORMAT));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(`Peace Messenger backend listening at ${address}`);
}

main().catch((err) => {
  // One line a person can act on; the rest of a listen error is noise.
  if ((err as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`${errorMessage(err)}: another program holds this port. Stop it or set PORT.`);
  } else {
    console.error(errorMessage(err));
  }
  process.exit(1);
});
