import 'reflect-metadata';
import { runService } from '@gonghui/service-kit';
import { membershipService } from './service';

runService(membershipService()).catch((error: unknown) => {
  console.error('membership failed to start:', error);
  process.exit(1);
});
