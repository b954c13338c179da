import 'reflect-metadata';
import { runService } from '@gonghui/service-kit';
import { aidService } from './service';

runService(aidService()).catch((error: unknown) => {
  console.error('aid failed to start:', error);
  process.exit(1);
});
