/** @type {import('next').NextConfig} */
const nextConfig = {
  // The route reads CASHFREE_* at request time; nothing about Cashfree is baked into the build.
  poweredByHeader: false,
};

export default nextConfig;
