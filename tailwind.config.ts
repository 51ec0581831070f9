import type { Config } from 'tailwindcss'

export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        ink: {
          950: '#0b0b10',
          900: '#121219',
          800: '#1b1b24',
          700: '#272733',
          600: '#3a3a49',
          500: '#5f5f73',
          400: '#8b8ba0',
          300: '#b0b0c0',
          200: '#d4d4e0',
          100: '#ececf3',
        },
        accent: { 500: '#f97316', 400: '#fb923c', 300: '#fdba74' },
      },
      fontFamily: {
        sans: ['Inter', 'ui-sans-serif', 'system-ui', 'sans-serif'],
      },
    },
  },
} satisfies Config
