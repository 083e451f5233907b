enum EventType {
  Content = 'content',
  UserCancelled = 'user_cancelled',
}

interface StreamEvent {
  type: EventType;
  value?: string;
}

// The stream reports an abort as an event of its own, and the loop's answer to it (a message,
// what it keeps) runs when that event comes: a check would throw before it.
export async function processEvents(stream: AsyncIterable<StreamEvent>, signal: AbortSignal, show: (text: string) => void) {
  let buffer = '';
  for await (const event of stream) {
    switch (event.type) {
      case EventType.Content:
        buffer += event.value ?? '';
        break;
      case EventType.UserCancelled:
        show(`${buffer}\n(request cancelled)`);
        return 'cancelled';
    }
  }
  return buffer;
}
