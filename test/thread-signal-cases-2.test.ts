import { describeCases } from './thread-signal-cases.ts';

describeCases(1, 2);
