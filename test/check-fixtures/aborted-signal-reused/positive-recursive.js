async function send(request, options, attempt = 0) {
  options = { ...options, signal: AbortSignal.any([AbortSignal.timeout(options.timeout), options.signal]) };
  try {
    return await fetch(request, options);
  } catch (error) {
    if (attempt < options.retries) return send(request, options, attempt + 1);
    throw error;
  }
}

module.exports = { send };
