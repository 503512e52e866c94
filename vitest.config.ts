import {defineConfig} from 'vitest/config'

// End-to-end tests start the CLI many times; a slow machine must not fail them.
export default defineConfig({test: {testTimeout: 60_000, hookTimeout: 60_000}})
