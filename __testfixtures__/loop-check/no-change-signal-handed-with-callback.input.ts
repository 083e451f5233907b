export function transcribeStream(audio: ReadableStream<Uint8Array>, abortSignal: AbortSignal | undefined) {
  let finished = false;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const finish = () => {
    finished = true;
    void reader?.cancel();
  };
  const sendAudio = async (socket: WebSocket) => {
    reader = audio.getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done || finished) break;
      socket.send(value);
      await drained(socket);
    }
  };
  // Made after sendAudio, which runs later, once the socket opens: the abort reaches the loop through onAbort.
  const connection = connectToWebSocket({ abortSignal, onAbort: finish, onOpen: (socket) => void sendAudio(socket).catch(finish) });
  return connection;
}
