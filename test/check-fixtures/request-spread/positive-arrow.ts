export const relay = async (request: Request) => fetch('https://relay.example.com', { ...request });
