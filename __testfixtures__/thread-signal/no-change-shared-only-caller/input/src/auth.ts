export class Auth {
  private refreshPromise: Promise<string> | null = null;

  async getToken(): Promise<string> {
    this.refreshPromise ??= this.refresh();
    return this.refreshPromise;
  }

  private async refresh(): Promise<string> {
    const response = await fetch('https://auth.example.com/token', { method: 'POST' });
    return response.text();
  }
}
