/**
 * A throw-away single-node Slurm cluster for the integration tests: munged, slurmctld and
 * slurmd from Debian's packages (slurm-wlm, munge), every file in one temporary folder (its
 * own munge key and socket, free TCP ports, state, spool, logs), so that it touches nothing
 * of the machine's own and a second run at the same time does not see it. Clients reach it
 * through SLURM_CONF. Needs root (slurmd starts jobs as their user); stop() cancels its jobs,
 * stops every daemon by the PID it wrote, and removes the folder.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir, totalmem } from 'node:os';
import path from 'node:path';

const DAEMONS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scontrol', 'scancel', 'runuser'];

export interface SlurmCluster {
  readonly dir: string;
  /** The environment for Slurm clients (SLURM_CONF) and the jobs they submit. */
  readonly env: NodeJS.ProcessEnv;
  /** A Slurm client command against this cluster (stdout; throws on failure). */
  run(command: string, args: readonly string[]): string;
  /** Resolves once no job is pending or running (rejects after timeoutMs). */
  waitIdle(timeoutMs: number): Promise<void>;
  /** `scontrol show job ID`: the state of each of its records (array tasks: by task id). */
  jobStates(id: string): Map<string, string>;
  /** PIDs of the daemons started, by name. */
  readonly pids: ReadonlyMap<string, number>;
  /** Stops the cluster (once; later calls return the same promise). */
  stop(): Promise<void>;
}

/** Why a cluster cannot be started here, or null when it can. */
export function slurmUnavailable(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (slurmd and munged need root to start)';
  const missing = DAEMONS.filter((d) => spawnSync('sh', ['-c', `command -v ${d}`]).status !== 0);
  if (missing.length > 0) return `missing ${missing.join(', ')} (apt-get install slurm-wlm munge)`;
  if (spawnSync('id', ['-u', 'munge']).status !== 0) return 'no munge user (apt-get install munge)';
  return null;
}

export async function startSlurmCluster(): Promise<SlurmCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sleeves-slurm-'));
  chmodSync(dir, 0o755); // munged (as user munge) must reach its socket inside
  const pids = new Map<string, number>();
  let stopped: Promise<void> | undefined;
  const conf = path.join(dir, 'slurm.conf');
  const env = { ...process.env, SLURM_CONF: conf };
  const run = (command: string, args: readonly string[]): string => {
    const r = spawnSync(command, args, { env, encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${r.status}: ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const cluster: SlurmCluster = {
    dir,
    env,
    pids,
    run,
    waitIdle: (timeoutMs) => poll(() => run('squeue', ['-h', '-o', '%i']).trim() === '', timeoutMs, 'jobs still in the queue'),
    jobStates: (id) => jobStates(run('scontrol', ['-o', 'show', 'job', id])),
    // Once only: a second stop must not ask the stopped controller (clients retry for long).
    stop: () => (stopped ??= stopCluster(cluster)),
  };
  try {
    await startMunge(dir, pids);
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    writeFileSync(conf, slurmConf(dir, ctldPort, dPort));
    writeFileSync(path.join(dir, 'cgroup.conf'), 'CgroupPlugin=cgroup/v1\nConstrainCores=no\nConstrainRAMSpace=no\nConstrainSwapSpace=no\nConstrainDevices=no\n');
    for (const d of ['ctld', 'spool']) mkdirSync(path.join(dir, d));
    for (const daemon of ['slurmctld', 'slurmd']) {
      run(daemon, ['-f', conf]);
      pids.set(daemon, await readPid(path.join(dir, `${daemon}.pid`)));
    }
    await poll(() => /^idle/.test(run('sinfo', ['-h', '-o', '%t']).trim()), 30_000, 'the node did not become idle');
    return cluster;
  } catch (error) {
    await cluster.stop();
    const logs = ['slurmctld.log', 'slurmd.log', 'munge/munged.log'].map((f) => path.join(dir, f)).filter(existsSync);
    throw new Error(`${(error as Error).message}\n${logs.map((f) => `${f}:\n${readFileSync(f, 'utf8').slice(-2000)}`).join('\n')}`);
  }
}

async function startMunge(dir: string, pids: Map<string, number>): Promise<void> {
  const uid = Number(spawnSync('id', ['-u', 'munge'], { encoding: 'utf8' }).stdout);
  const gid = Number(spawnSync('id', ['-g', 'munge'], { encoding: 'utf8' }).stdout);
  const m = path.join(dir, 'munge');
  mkdirSync(m, { mode: 0o755 });
  chownSync(m, uid, gid);
  const key = path.join(m, 'munge.key');
  writeFileSync(key, randomBytes(1024), { mode: 0o600 });
  chownSync(key, uid, gid);
  const args = ['-u', 'munge', '--', 'munged', `--socket=${m}/munge.socket`, `--key-file=${key}`, `--pid-file=${m}/munged.pid`, `--log-file=${m}/munged.log`, `--seed-file=${m}/munged.seed`];
  const r = spawnSync('runuser', args, { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`munged: exit ${r.status}: ${r.stderr}`);
  pids.set('munged', await readPid(`${m}/munged.pid`));
}

function slurmConf(dir: string, ctldPort: number, dPort: number): string {
  const host = hostname().split('.')[0]!;
  const memoryMb = Math.floor(totalmem() / 2 ** 20 / 2);
  return [
    `ClusterName=sleeves${path.basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase().slice(-8)}`,
    `SlurmctldHost=${host}(127.0.0.1)`,
    `SlurmctldPort=${ctldPort}`,
    `SlurmdPort=${dPort}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${dir}/munge/munge.socket`,
    `StateSaveLocation=${dir}/ctld`,
    `SlurmdSpoolDir=${dir}/spool`,
    `SlurmctldPidFile=${dir}/slurmctld.pid`,
    `SlurmdPidFile=${dir}/slurmd.pid`,
    `SlurmctldLogFile=${dir}/slurmctld.log`,
    `SlurmdLogFile=${dir}/slurmd.log`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'JobCompType=jobcomp/none',
    'MpiDefault=none',
    'SchedulerType=sched/backfill',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_CPU_Memory',
    'ReturnToService=2',
    'SlurmdParameters=config_overrides',
    `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=${memoryMb} State=UNKNOWN`,
    `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n');
}

async function stopCluster(cluster: SlurmCluster): Promise<void> {
  const { pids, dir } = cluster;
  if (pids.has('slurmctld')) {
    try {
      const ids = cluster.run('squeue', ['-h', '-o', '%i']).split('\n').filter(Boolean);
      if (ids.length > 0) cluster.run('scancel', ids);
      await cluster.waitIdle(20_000);
    } catch {
      // The controller is already gone, or the jobs did not end: the daemons are stopped anyway.
    }
  }
  for (const name of ['slurmd', 'slurmctld', 'munged']) {
    const pid = pids.get(name);
    if (pid === undefined) continue;
    if (!(await stopPid(pid, 'SIGTERM', 15_000))) await stopPid(pid, 'SIGKILL', 5_000);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Sends the signal; true once the process is gone (or a zombie awaiting its reaper). */
async function stopPid(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return true;
  }
  return poll(() => !isAlive(pid), timeoutMs, 'still running').then(
    () => true,
    () => false,
  );
}

/** A process that exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function jobStates(text: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const state = /\bJobState=(\S+)/.exec(line)?.[1] ?? '?';
    const task = /\bArrayTaskId=(\S+)/.exec(line)?.[1] ?? /\bJobId=(\d+)/.exec(line)?.[1] ?? '?';
    states.set(task, state);
  }
  return states;
}

async function readPid(file: string): Promise<number> {
  await poll(() => existsSync(file) && readFileSync(file, 'utf8').trim() !== '', 10_000, `${file} was not written`);
  return Number(readFileSync(file, 'utf8'));
}

async function poll(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
