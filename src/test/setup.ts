// Component tests opt into jsdom with `// @vitest-environment jsdom`; jest-dom matchers are harmless in node.
import '@testing-library/jest-dom/vitest';
