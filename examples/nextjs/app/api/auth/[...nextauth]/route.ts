// Auth.js's routes, under /api/auth. Register <origin>/api/auth/callback/kakao as the Redirect URI
// in Kakao's console (카카오 로그인 → Redirect URI).
import { handlers } from '@/auth'

export const { GET, POST } = handlers
