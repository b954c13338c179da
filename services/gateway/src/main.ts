import 'reflect-metadata';
import { runService } from '@gonghui/service-kit';
import { gatewayService } from './service';

runService(gatewayService()).catch((error: unknown) => {
  console.error('gateway failed to start:', error);
  process.exit(1);
});
