/**
 * `npm start`: reads the configuration, starts the server and prints where everything is.
 * SIGTERM and SIGINT stop it gracefully: no new connections, in-flight requests finish.
 */
import { ConfigError, loadConfig } from './config';
import { createServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Kvalitetshjulet kan inte starta: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // the URLs print at once; /healthz says `syncing` until this instance's mirror is in step
  const server = createServer(config, { waitForMirror: false });
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stänger ...\n`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Kunde inte stänga snyggt: ${error instanceof Error ? error.name : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const started = await server.start();
  // loopback is where local mode listens; people and the Teams toolkit know it as localhost
  const url = started.url.replace('//127.0.0.1:', '//localhost:');
  const lines = [
    '',
    `Kvalitetshjulet (${config.mode === 'local' ? 'lokalt läge' : 'Microsoft 365'}) kör:`,
    `  fliken:          ${url}/`,
    `  API:             ${url}/api`,
    `  botens adress:   ${url}/api/messages`,
    `  hälsa:           ${url}/healthz`,
  ];
  if (started.emulator) {
    lines.push(`  listemulatorn:   ${started.emulator.baseUrl}`, `  webbplatsens id: ${started.emulator.siteId}`);
  }
  if (started.devIdp) lines.push(`  inloggning:      ${url}/dev-idp/personas (demopersoner)`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Kvalitetshjulet kunde inte starta: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
