const timeoutSignal = AbortSignal.timeout(2000);
const res = await fetch('https://example.com', { signal: timeoutSignal }).catch(error => {
	throw timeoutSignal.aborted ? new Error('timed out') : error;
});
export default res;
