export { getReviewItem, segmentText, type ReviewItem, type Segment } from './review.js';
