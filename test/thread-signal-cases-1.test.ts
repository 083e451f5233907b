import { describeCases } from './thread-signal-cases.ts';

describeCases(0, 2);
