class Uploader {
  async uploadAll(parts, options) {
    const { signal } = options;
    let index = 0;
    do {
      await this.upload(parts[index]);
    } while (++index < parts.length);
  }

  async retry(task, options = {}) {
    if (options.signal) this.log('cancellable');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await task();
      } catch {
        continue;
      }
    }
  }
}

module.exports = { Uploader };
