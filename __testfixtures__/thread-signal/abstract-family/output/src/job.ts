export abstract class Job {
  abstract run(input: string, signal?: AbortSignal): Promise<void>;

  async execute(input: string, signal?: AbortSignal) {
    console.log(`starting ${input}`);
    await this.run(input, signal);
  }
}

export class FetchJob extends Job {
  async run(input: string, signal?: AbortSignal) {
    await fetch(input, { signal });
  }
}

export class LogJob extends Job {
  async run(input: string, signal?: AbortSignal) {
    console.log(input);
  }
}
