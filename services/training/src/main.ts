import 'reflect-metadata';
import { runService } from '@gonghui/service-kit';
import { trainingService } from './service';

runService(trainingService()).catch((error: unknown) => {
  console.error('training failed to start:', error);
  process.exit(1);
});
