import { homedir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { describeError, parseDateOption, UsageError } from './cli-io.js';
import { bakeImage, unbakeImage } from './commands/bake.js';
import { issueCredential } from './commands/issue.js';
import { keysGenerate } from './commands/keys-generate.js';
import { verifyFiles } from './commands/verify.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('microcred')
    .description('Issue, verify and bake Open Badges 3.0 micro-credentials')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  const keys = program.command('keys').description('manage Ed25519 signing keys');
  keys
    .command('generate')
    .description('generate an Ed25519 key file (Multikey, controller = its did:key)')
    .option('--out <file>', 'write the key file here (mode 0600) instead of printing it')
    .action((options: { out?: string }) => keysGenerate(options, io.stdout));

  program
    .command('issue')
    .description("issue a signed OB 3.0 credential for an achievement; the issuer is the key's did:key")
    .requiredOption('--key <file>', 'key file from `microcred keys generate`')
    .requiredOption('--achievement <file>', 'an OB 3.0 Achievement object (JSON)')
    .requiredOption('--recipient <email|did>', 'email (stored only as a salted hash) or DID of the earner')
    .option('--recipient-name <name>', 'the earner name shown with the credential')
    .option('--issuer-name <name>', 'the issuer name shown with the credential', 'microcred issuer')
    .addOption(new Option('--format <format>', 'proof format').choices(['di', 'jcs', 'jwt']).default('di'))
    .option('--status-list-url <url>', 'BitstringStatusListCredential URL for revocation')
    .option('--status-index <n>', 'index in that status list')
    .option('--valid-until <iso>', 'expiry date-time')
    .action(async (options: Record<string, string | undefined>) => {
      await issueCredential(
        {
          key: options.key ?? '',
          achievement: options.achievement ?? '',
          recipient: options.recipient ?? '',
          ...(options.recipientName === undefined ? {} : { recipientName: options.recipientName }),
          ...(options.issuerName === undefined ? {} : { issuerName: options.issuerName }),
          ...(options.format === undefined ? {} : { format: options.format }),
          ...(options.statusListUrl === undefined ? {} : { statusListUrl: options.statusListUrl }),
          ...(options.statusIndex === undefined ? {} : { statusIndex: options.statusIndex }),
          ...(options.validUntil === undefined
            ? {}
            : { validUntil: parseDateOption(options.validUntil, '--valid-until') }),
        },
        io.stdout,
      );
    });

  program
    .command('verify')
    .description('verify credentials (JSON, JWT, baked PNG or SVG); exit 0 all verified, 1 any not, 2 usage')
    .argument('<file...>', 'credential files')
    .option('--json', 'print one JSON report per line: {file, verified, checks}')
    .option('--now <iso>', 'judge dates as of this instant')
    .option(
      '--status-list <file>',
      'a status list credential to use for its id instead of fetching (repeatable)',
      collect,
      [],
    )
    .option(
      '--resources <map>',
      'JSON map of URL or DID to a local file (paths relative to the map; npm:<pkg>@<version>/<file>): ' +
        'contexts, DID and key documents, status and revocation lists; every other URL is refused',
    )
    .option(
      '--trust-registry <file>',
      'a trust registry (DCC issuer-registry JSON, a JSON list or a text list; repeatable, most authoritative ' +
        'first): each report gains an issuer-trust check saying which registry lists the issuer, if any',
      collect,
      [],
    )
    .option(
      '--fetch',
      'fetch the DID documents and status lists that the files, --resources and --status-list do not hold: ' +
        'https and public addresses only (MICROCRED_FETCH_ALLOW=host,host:port also reaches those hosts, ' +
        'over http too); JSON-LD contexts are never fetched',
    )
    .addOption(
      new Option(
        '--compat <mode>',
        'peer conventions to accept: 1edtech (UNSAFE for production) also takes a key from its verification ' +
          "method's fragment when the controller document is unavailable, and a VC-JWT key that nothing binds " +
          'to the issuer (a jwk header); such a file verifies with its authorship reported as unproven',
      )
        .choices(['strict', '1edtech'])
        .default('strict'),
    )
    .option(
      '--log-key <key>',
      "the transparency log's note verifier key (`GET /log/key`), as text or a file; with --log-proof the " +
        'report gains a transparency-log check (repeatable)',
      collect,
      [],
    )
    .option('--log-proof <file>', 'the log proof of the one FILE (`GET /api/v1/credentials/{id}/log-proof`)')
    .option(
      '--witness-key <key>',
      'a witness cosigner key (text or file) trusted to date checkpoints: a credential logged in a checkpoint ' +
        'it cosigned before its key was revoked still verifies (repeatable)',
      collect,
      [],
    )
    .action(
      async (
        files: string[],
        options: {
          json?: boolean;
          now?: string;
          statusList: string[];
          trustRegistry: string[];
          resources?: string;
          fetch?: boolean;
          compat: 'strict' | '1edtech';
          logKey: string[];
          logProof?: string;
          witnessKey: string[];
        },
      ) => {
        setExitCode(
          await verifyFiles(
            files,
            {
              ...(options.json === undefined ? {} : { json: options.json }),
              ...(options.now === undefined ? {} : { now: parseDateOption(options.now, '--now') }),
              statusList: options.statusList,
              trustRegistries: options.trustRegistry,
              ...(options.resources === undefined ? {} : { resources: options.resources }),
              ...(options.fetch === true
                ? { fetch: { allow: process.env.MICROCRED_FETCH_ALLOW ?? '' } }
                : {}),
              compat: options.compat,
              logKeys: options.logKey,
              witnessKeys: options.witnessKey,
              ...(options.logProof === undefined ? {} : { logProof: options.logProof }),
            },
            io.stdout,
          ),
        );
      },
    );

  const log = program
    .command('log')
    .description('audit a transparency log, or witness one (C2SP tlog-tiles, tlog-witness)');
  log
    .command('audit')
    .description(
      'download a log (checkpoint, entries, tiles), recompute its root and check it extends the last ' +
        'checkpoint seen; exit 0 consistent, 1 fork or invalid log, 2 usage',
    )
    .requiredOption('--url <url>', 'the log prefix serving checkpoint and tile/… (e.g. https://host/log)')
    .requiredOption('--log-key <key>', "the log's note verifier key (text or file): trust is pinned")
    .option('--since <file>', 'a signed checkpoint to check consistency with, instead of the stored one')
    .option(
      '--state <dir>',
      'where the last checkpoint seen of each log is kept (default ~/.microcred/log-audit)',
    )
    .action(async (options: { url: string; logKey: string; since?: string; state?: string }) => {
      const { logAudit } = await import('./commands/log-audit.js');
      setExitCode(
        await logAudit(
          {
            url: options.url,
            logKey: options.logKey,
            ...(options.since === undefined ? {} : { since: options.since }),
            state: options.state ?? join(homedir(), '.microcred', 'log-audit'),
          },
          io,
        ),
      );
    });
  log
    .command('witness')
    .description(
      'serve POST /add-checkpoint (C2SP tlog-witness): cosign checkpoints consistent with the last one',
    )
    .requiredOption('--key <file>', 'the witness key file (`microcred log witness-key generate`)')
    .requiredOption(
      '--log <origin=key>',
      'a log to witness: its origin and note verifier key (repeatable)',
      collect,
      [],
    )
    .option('--port <port>', 'TCP port', '8090')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--state <dir>',
      'where the last cosigned checkpoint of each log is kept (default ~/.microcred/witness)',
    )
    .action(async (options: { key: string; log: string[]; port: string; host: string; state?: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port is 0–65535');
      const { logWitness } = await import('./commands/log-witness.js');
      await logWitness(
        {
          key: options.key,
          log: options.log,
          port,
          host: options.host,
          state: options.state ?? join(homedir(), '.microcred', 'witness'),
        },
        io,
      );
    });
  log
    .command('witness-key')
    .description('manage the witness key')
    .command('generate')
    .description('generate a witness key (Ed25519); prints its cosigner verifier key for the logs')
    .requiredOption('--name <name>', 'the witness name (e.g. witness.example.org/w1)')
    .option('--out <file>', 'write the secret key here (mode 0600) instead of printing it')
    .action(async (options: { name: string; out?: string }) => {
      const { witnessKeyGenerate } = await import('./commands/log-witness.js');
      witnessKeyGenerate(options, io.stdout);
    });

  program
    .command('bake')
    .description('embed a credential (JSON or JWT) in a PNG or SVG image')
    .requiredOption('--credential <file>', 'the signed credential (JSON) or compact JWS')
    .requiredOption('--image <file>', 'a PNG or SVG badge image')
    .requiredOption('--out <file>', 'where to write the baked image')
    .action((options: { credential: string; image: string; out: string }) => bakeImage(options, io.stdout));

  program
    .command('unbake')
    .description('print the credential baked into a PNG or SVG')
    .argument('<file>', 'a baked PNG or SVG')
    .action((file: string) => unbakeImage(file, io.stdout));

  program
    .command('bulk-issue')
    .description('issue an achievement to every row of a CSV or JSON-lines file, on the configured database')
    .argument('[file]', 'CSV with a header row (email or did, name, evidence_url, narrative, …) or .jsonl')
    .option('--achievement <id>', 'the achievement to issue')
    .addOption(new Option('--format <format>', 'proof format').choices(['di', 'jwt']).default('di'))
    .option('--resume <jobId>', 'finish a job that an earlier run did not complete')
    .option(
      '--allow-duplicates',
      'issue also to recipients who already hold a valid credential of the achievement (skipped by default)',
    )
    .option('--workers <n>', 'concurrent worker loops', '2')
    .option('--no-progress', 'no progress bar (for logs)')
    .action(
      async (
        file: string | undefined,
        options: {
          achievement?: string;
          format?: 'di' | 'jwt';
          resume?: string;
          allowDuplicates?: boolean;
          workers: string;
          progress: boolean;
        },
      ) => {
        const { bulkIssue } = await import('./commands/bulk-issue.js');
        setExitCode(
          await bulkIssue(
            {
              ...(file === undefined ? {} : { file }),
              ...(options.achievement === undefined ? {} : { achievement: options.achievement }),
              ...(options.format === undefined ? {} : { format: options.format }),
              ...(options.resume === undefined ? {} : { resume: options.resume }),
              allowDuplicates: options.allowDuplicates === true,
              workers: Number(options.workers),
              progress: options.progress,
            },
            io,
          ),
        );
      },
    );

  program
    .command('skills')
    .description('the skills framework (ESCO) in the configured database')
    .command('import')
    .description("load ESCO's CSV files (idempotent; the first start of the server does it too)")
    .option(
      '--from <dir>',
      'the folder of skills.csv, skill_groups.csv, occupations.csv, occupation_skills.csv',
    )
    .action(async (options: { from?: string }) => {
      const { skillsImport } = await import('./commands/skills-import.js');
      setExitCode(await skillsImport(options, io));
    });

  const pathway = program
    .command('pathway')
    .description('stackable pathways, read from the configured database (stop the embedded server first)');
  pathway
    .command('progress')
    .description("an earner's progress on a pathway: what is met, what is missing, what would complete it")
    .option('--pathway <id>', 'the pathway (see `microcred pathway list`)')
    .option('--earner <email|did>', "the earner's email address or DID")
    .option('--json', 'print the progress as the API returns it')
    .action(async (options: { pathway?: string; earner?: string; json?: boolean }) => {
      const { pathwayProgress } = await import('./commands/pathway-progress.js');
      setExitCode(await pathwayProgress(options, io));
    });
  pathway
    .command('list')
    .description('the pathways, with their ids')
    .option('--json', 'print them as the API returns them')
    .action(async (options: { json?: boolean }) => {
      const { pathwayList } = await import('./commands/pathway-list.js');
      setExitCode(await pathwayList(options, io));
    });

  program
    .command('backup')
    .description(
      'back up the embedded database (stop the server first) into one file; never the master key. For ' +
        'PostgreSQL use pg_dump (README, "Backups")',
    )
    .requiredOption('--out <file>', 'the backup file to write (mode 0600; never overwritten)')
    .action(async (options: { out: string }) => {
      const { backup } = await import('./commands/backup.js');
      setExitCode(await backup(options, io));
    });

  program
    .command('restore')
    .description(
      'restore a backup as the embedded database (stop the server first), migrate it if older, and check ' +
        'that the master key opens its signing keys',
    )
    .argument('<file>', 'a file from `microcred backup`')
    .option('--force', 'replace the database already in DATA_DIR (moved aside, not deleted)')
    .action(async (file: string, options: { force?: boolean }) => {
      const { restore } = await import('./commands/restore.js');
      setExitCode(await restore(file, { force: options.force === true }, io));
    });

  program
    .command('worker')
    .description(
      'work on bulk jobs and pathway awards from the configured database until stopped (run several against PostgreSQL)',
    )
    .action(async () => {
      const { runWorker } = await import('./commands/worker.js');
      await runWorker();
    });

  program
    .command('doctor')
    .description(
      'check the configuration `serve` would run with before production (PUBLIC_URL and issued DIDs, MASTER_KEY, ' +
        'SMTP, database version and migrations, clock skew, DATA_DIR permissions); exit 0 fine, 1 any problem',
    )
    .option('--json', 'print {ok, problems, warnings, findings: [{check, status, message, fix}]}')
    .option('--env-file <file>', 'settings (KEY=value lines) to check, over the environment')
    .action(async (options: { json?: boolean; envFile?: string }) => {
      const { doctor } = await import('./commands/doctor.js');
      setExitCode(await doctor(options, io));
    });

  program
    .command('serve')
    .description(
      'run the platform (HTTP API and pages) on PORT; embedded database unless DATABASE_URL is set',
    )
    .action(async () => {
      // Imported here so that the other commands never load the server and database code.
      const { startServer } = await import('../main.js');
      await startServer();
    });

  return program;
}

/** Runs the CLI and returns its exit code: 0 success, 1 a credential or image failed, 2 usage error. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`microcred: ${describeError(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
