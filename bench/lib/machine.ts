import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The machine a run happened on: a ratio is only comparable between runs on alike machines. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the benchmark started: a hint of how busy the machine was. */
  loadAverage: number;
}

export function machineInfo(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

/** One line, e.g. "AMD EPYC, 2 cores, 24 GiB, Node v20.20.2, linux 6.1 (load 0.4)". */
export function describeMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os} (load ${m.loadAverage} at start)`;
}
