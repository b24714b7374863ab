// The widget's goal, shared by the widget (its dw:score/dw:complete), the lesson's claims test
// and the node and browser tests: reach this test accuracy within this many training steps.
export const TARGET_ACCURACY = 0.95;
export const STEP_BUDGET = 500;
// Steps between the widget's test-accuracy measurements (one pass over the 360 test images).
export const TEST_EVERY = 25;
