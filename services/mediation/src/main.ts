import 'reflect-metadata';
import { runService } from '@gonghui/service-kit';
import { mediationService } from './service';

runService(mediationService()).catch((error: unknown) => {
  console.error('mediation failed to start:', error);
  process.exit(1);
});
