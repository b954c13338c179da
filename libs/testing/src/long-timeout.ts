// Integration and end-to-end tests wait for real brokers and processes.
jest.setTimeout(180_000);
