export const load = (url: string) => Promise.race([fetch(url), new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 100))]);
