export abstract class Job {
  abstract run(input: string): Promise<void>;

  async execute(input: string) {
    console.log(`starting ${input}`);
    await this.run(input);
  }
}

export class FetchJob extends Job {
  async run(input: string) {
    await fetch(input);
  }
}

export class LogJob extends Job {
  async run(input: string) {
    console.log(input);
  }
}
